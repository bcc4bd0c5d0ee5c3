/** Shard 2 of the loader fuzz (see shard.ts). */
import { fuzzShard } from './shard';

fuzzShard(2);
