import type { StoreInfo } from './store-info.js';
/**
 * `uptake store info` for a terminal.
 * @example formatStoreInfo(await storeInfo(engine))
 */
export declare function formatStoreInfo(info: StoreInfo): string;
