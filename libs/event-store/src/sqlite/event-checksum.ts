import { crc32 } from 'node:zlib';

/**
 * The checksum stored with each event row: CRC-32 of everything the row says (position, id, stream, revision,
 * type, data and metadata as stored), as 8 hex digits. It catches a row damaged on disk or edited by hand (a digit
 * changed inside the JSON), not a deliberate forgery. The worker that reads pages ahead computes the same in plain
 * JavaScript (EVENT_CHECKSUM_SOURCE), so both are kept here side by side.
 */
export function eventChecksum(position: number, id: string, streamId: string, revision: number, type: string, data: string, metadata: string): string {
  return crc32(`${position}\n${id}\n${streamId}\n${revision}\n${type}\n${data}\n${metadata}`).toString(16).padStart(8, '0');
}

/** eventChecksum for the worker's eval'd source (`crc32` from node:zlib in scope). */
export const EVENT_CHECKSUM_SOURCE = `function eventChecksum(position, id, streamId, revision, type, data, metadata) {
  return crc32(position + '\\n' + id + '\\n' + streamId + '\\n' + revision + '\\n' + type + '\\n' + data + '\\n' + metadata).toString(16).padStart(8, '0');
}`;
