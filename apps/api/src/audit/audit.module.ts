import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** GET /audit: the audit trail (SPEC §6 R2). */
@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
