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
}

export class EventStoreStatusResponse extends StoreStatusResponse {
  @IntProp({ minimum: 0, optional: true }) headPosition?: number;
}

export class ReadModelsStatusResponse {
  @EnumProp(['up', 'failing']) status!: string;
  @BoolProp() rebuilding!: boolean;
  @NestedProp(() => ProjectionLagResponse, { isArray: true, description: 'lag fields are left out when the log could not be read' }) projections!: ProjectionLagResponse[];
}

export class HealthResponse {
  @EnumProp(['ok', 'degraded']) status!: string;
  @NestedProp(() => EventStoreStatusResponse) eventStore!: EventStoreStatusResponse;
  @NestedProp(() => StoreStatusResponse) readStore!: StoreStatusResponse;
  @NestedProp(() => StoreStatusResponse) keyStore!: StoreStatusResponse;
  @NestedProp(() => ReadModelsStatusResponse) readModels!: ReadModelsStatusResponse;
}

export class RebuildResponse {
  @EnumProp(['rebuilding', 'done']) status!: string;
  @NestedProp(() => ProjectionStatusResponse, { isArray: true }) projections!: ProjectionStatusResponse[];
}
