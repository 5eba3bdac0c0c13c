export const DEFAULT_DATABASE = 'partnership_crm';

/**
 * The database named in a connection string's path (`mongodb://host/<db>?options`), else `partnership_crm`.
 * The driver's own default would be `test`. Hosts and credentials cannot hold a raw `/`, so the path is
 * whatever follows the first `/` after `://`.
 */
export function databaseNameOf(url: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?#]*\/([^?#]*)/.exec(url)?.[1];
  return path ? decodeURIComponent(path) : DEFAULT_DATABASE;
}

/** The connection string without its password, for error messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/?#]*@/, '$1***@');
}
