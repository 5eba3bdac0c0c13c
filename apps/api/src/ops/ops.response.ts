import { BoolProp, EnumProp, IntProp, NestedProp, TextProp } from '../http/response-fields';

/** What the operational routes answer: readiness (GET /health) and a rebuild (POST /admin/projections/rebuild). */

export class GenerationPositionResponse {
  @IntProp({ minimum: 0 }) generation!: number;
  @IntProp({ minimum: 0 }) position!: number;
}

export class ProjectionStatusResponse {
  @TextProp({ example: 'partnerships' }) name!: string;
  @IntProp({ minimum: 0 }) generation!: number;
  @IntProp({ minimum: 0, description: 'the last log position committed' }) position!: number;
  @BoolProp() caughtUp!: boolean;
  @NestedProp(() => GenerationPositionResponse, { optional: true, description: 'the generation being built beside the live one' }) rebuilding?: GenerationPositionResponse;
  @TextProp({ optional: true, description: 'why the projection stopped' }) error?: string;
}

export class ProjectionLagResponse extends ProjectionStatusResponse {
  @IntProp({ minimum: 0, optional: true }) lagEvents?: number;
  @IntProp({ minimum: 0, optional: true }) lagMs?: number;
}

export class StoreStatusResponse {
  @EnumProp(['up', 'down']) status!: string;
  @IntProp({ minimum: 0 }) latencyMs!: number;
  @TextProp({ optional: true, description: 'why it is down (credentials masked)' }) error?: string;
  @EnumProp(['full', 'read_only', 'io', 'cannot_open', 'gone', 'damaged'], {
    optional: true,
    description: 'its file refuses writes: disk full, read-only, I/O error, deleted or replaced … (docs/operations.md, Faults)',
  })
  fault?: string;
}

export class EventStoreStatusResponse extends StoreStatusResponse {
  @IntProp({ minimum: 0, optional: true }) headPosition?: number;
}

export class ReadModelsStatusResponse {
  @EnumProp(['up', 'failing']) status!: string;
  @BoolProp() rebuilding!: boolean;
  @NestedProp(() => ProjectionLagResponse, { isArray: true, description: 'lag fields are left out when the log could not be read' }) projections!: ProjectionLagResponse[];
}

export class DamagedEventResponse {
  @IntProp({ minimum: 1 }) position!: number;
  @TextProp() streamId!: string;
  @TextProp({ description: 'what is wrong with it (checksum mismatch, not valid JSON)' }) detail!: string;
}

export class IntegrityResponse {
  @EnumProp(['checking', 'ok', 'damaged', 'failed', 'not_applicable']) status!: string;
  @IntProp({ minimum: 0, description: 'events checked so far' }) checked!: number;
  @IntProp({ minimum: 0, description: 'events to check (the head when the check began)' }) total!: number;
  @TextProp({ optional: true }) file?: string;
  @NestedProp(() => DamagedEventResponse, { isArray: true, optional: true }) damaged?: DamagedEventResponse[];
  @TextProp({ optional: true, description: 'why the check could not run' }) error?: string;
}

export class HealthResponse {
  @EnumProp(['ok', 'degraded']) status!: string;
  @NestedProp(() => EventStoreStatusResponse) eventStore!: EventStoreStatusResponse;
  @NestedProp(() => StoreStatusResponse) readStore!: StoreStatusResponse;
  @NestedProp(() => StoreStatusResponse) keyStore!: StoreStatusResponse;
  @NestedProp(() => ReadModelsStatusResponse) readModels!: ReadModelsStatusResponse;
  @NestedProp(() => IntegrityResponse, { description: 'the background check of every event\'s checksum since start' }) integrity!: IntegrityResponse;
}

export class RebuildResponse {
  @EnumProp(['rebuilding', 'done']) status!: string;
  @NestedProp(() => ProjectionStatusResponse, { isArray: true }) projections!: ProjectionStatusResponse[];
}
