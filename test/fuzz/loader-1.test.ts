/** Shard 1 of the loader fuzz (see shard.ts). */
import { fuzzShard } from './shard';

fuzzShard(1);
