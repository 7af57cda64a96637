// The provenance columns every fact table of the store has.
export interface PositionColumns {
  page: number;
  start_offset: number;
  end_offset: number;
  snippet: string;
}
