/** The MongoDB collection of data keys (one document per subject). */
export const KEYS_COLLECTION = 'data_keys';
