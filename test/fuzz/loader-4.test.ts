/** Shard 4 of the loader fuzz (see shard.ts). */
import { fuzzShard } from './shard';

fuzzShard(4);
