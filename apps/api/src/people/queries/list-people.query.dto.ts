import { PERSON_TIERS } from '@crm/domain';
import { IsIn } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField, IdField, Optional, TextField } from '../../http/dto-fields';
import { ListQueryDto } from '../../http/list-query.dto';

export const PEOPLE_SORTS = ['name', '-name', 'registeredAt', '-registeredAt'] as const;

export class ListPeopleQueryDto extends ListQueryDto {
  @IdField({ optional: true, description: 'organisationId' })
  organisation?: string;

  @EnumField(PERSON_TIERS, { optional: true })
  tier?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only people who had left by asOf; false: only people still there' })
  @Optional()
  @IsIn(['true', 'false'])
  left?: 'true' | 'false';

  @TextField({ optional: true, description: 'words in the name or role' })
  text?: string;

  @EnumField(PEOPLE_SORTS, { optional: true, example: 'name' })
  sort?: string;
}
