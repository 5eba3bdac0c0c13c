import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { KEY_BYTES } from './key-store.port';

/** What every reader sees in place of personal data whose key is destroyed. */
export const ERASED = '[erased]';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * How an encrypted field is stored in an event's data, in place of its value:
 * `{ enc: 'aes-256-gcm', kid, bound?, iv, tag, data }` (iv, tag and data base64).
 * `kid` is the subject whose key encrypts it. `bound` lists further subjects (people) whose keys are mixed into the
 * value key: destroying any one of them makes the value unreadable (free text about an interaction stays readable
 * only while every participant's key exists). The associated data binds the value to its stream, event type and field,
 * so a ciphertext moved elsewhere does not decrypt.
 */
export interface SealedValue {
  enc: typeof ALGORITHM;
  kid: string;
  bound?: string[];
  iv: string;
  tag: string;
  data: string;
}

export function isSealed(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Partial<SealedValue>;
  return v.enc === ALGORITHM && typeof v.kid === 'string' && typeof v.iv === 'string' && typeof v.tag === 'string' && typeof v.data === 'string';
}

/** The subjects whose keys a sealed value needs, owner first. */
export function subjectsOf(sealed: Pick<SealedValue, 'kid' | 'bound'>): string[] {
  return [sealed.kid, ...(sealed.bound ?? [])];
}

/**
 * The key a value is encrypted with: the owner's data key itself, or with bound subjects HKDF-SHA256 over all
 * their keys (in the stored order), so no single key opens it.
 */
export function valueKey(subjects: readonly string[], keys: readonly Buffer[]): Buffer {
  if (subjects.length !== keys.length || keys.length === 0) throw new Error('one key per subject is needed');
  if (keys.some((key) => key.length !== KEY_BYTES)) throw new Error(`data keys are ${KEY_BYTES} bytes`);
  if (keys.length === 1) return keys[0];
  return hkdfSha256(Buffer.concat(keys), `crm value key v1|${subjects.join('|')}`);
}

const NO_SALT = Buffer.alloc(32);

/** HKDF-SHA256 (RFC 5869) for one 32-byte output block: what node's hkdfSync gives, at half its cost. */
function hkdfSha256(ikm: Buffer, info: string): Buffer {
  const prk = createHmac('sha256', NO_SALT).update(ikm).digest();
  return createHmac('sha256', prk).update(info, 'utf8').update(Buffer.of(1)).digest();
}

/** How many IVs one draw from the CSPRNG yields. */
const IVS_PER_DRAW = 1024;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

/**
 * A fresh random 96-bit IV, cut from a pool of random bytes drawn 1,024 IVs at a time (as node's randomUUID does):
 * one call to randomBytes per IV cost more than the encryption itself (an import seals some 100,000 fields). Every
 * IV is used once.
 */
function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * IVS_PER_DRAW);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

/** Encrypts a JSON value with a fresh random 96-bit IV. */
export function seal(value: unknown, key: Buffer, subjects: readonly string[], associatedData: string): SealedValue {
  const iv = freshIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const [kid, ...bound] = subjects;
  return {
    enc: ALGORITHM,
    kid,
    ...(bound.length > 0 && { bound }),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Decrypts a sealed value; throws when the key, the associated data or the ciphertext do not match. */
export function unseal(sealed: SealedValue, key: Buffer, associatedData: string): unknown {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8')) as unknown;
}
