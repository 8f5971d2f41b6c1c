/** Who published a report: region, level, kind and sector of an agency (see resolve.ts). */
export { resolveAgency, inferKind } from './resolve.ts';
export { resolveRegion, type Region } from './region.ts';
export { SECTORS, SECTOR_KEYS, inferSector, sectorLabel, type SectorKey } from './sectors.ts';
export { MUNICIPALITIES } from './divisions.ts';

/** Bumped whenever resolution output may change; part of the build cache key. */
export const RESOLVER_VERSION = '2';
