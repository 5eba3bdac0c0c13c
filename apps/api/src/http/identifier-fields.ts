import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Optional } from './dto-fields';

/** An optional KvK number: 8 digits (SPEC §1 R2). */
export const KvkField = (description = 'KvK number (Chamber of Commerce), 8 digits; unique among organisations') =>
  applyDecorators(
    ApiPropertyOptional({ description, pattern: '^[0-9]{8}$', example: '41234567' }),
    Optional(),
    Matches(/^[0-9]{8}$/, { message: '$property must be 8 digits' }),
  );

/** An optional BRIN code: 4 letters or digits, schools only. */
export const BrinField = (description = 'BRIN code of a school, 4 letters or digits; unique among organisations') =>
  applyDecorators(
    ApiPropertyOptional({ description, pattern: '^[0-9A-Za-z]{4}$', example: '25LH' }),
    Optional(),
    Matches(/^[0-9A-Za-z]{4}$/, { message: '$property must be 4 letters or digits' }),
  );
