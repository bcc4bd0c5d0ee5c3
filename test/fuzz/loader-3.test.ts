/** Shard 3 of the loader fuzz (see shard.ts). */
import { fuzzShard } from './shard';

fuzzShard(3);
