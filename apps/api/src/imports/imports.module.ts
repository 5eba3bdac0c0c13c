import { Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { ImportsController } from './imports.controller';
import { SheetImports } from './sheet-imports.service';

@Module({
  imports: [WriteSideModule],
  controllers: [ImportsController],
  providers: [SheetImports],
})
export class ImportsModule {}
