/**
 * Hash providers that reproduce Go's runtime hashes bit for bit.
 *
 * <p>{@link io.gomap4j.hash.MemhashGo119Provider} ({@code memhash-go119}) is Go 1.19's fallback
 * hash, the one Go uses on platforms without the AES instructions: the wyhash-like
 * {@code hash64.go} on 64-bit platforms and the {@code mix32}-based {@code hash32.go} on 32-bit
 * ones. Memory words are read in the platform's byte order, so big-endian targets get their own
 * values, as in Go. The float hashes follow {@code alg.go}: +0 and -0 hash alike and every NaN
 * hashes to a fresh random value.
 *
 * <p>{@link io.gomap4j.hash.AeshashGo119Provider} ({@code aeshash-go119}) is Go 1.19's AES hash on
 * amd64 and 386, the hash Go uses on nearly every x86 CPU. The {@code AESENC} round is computed in
 * software from lookup tables, bit for bit as the instruction computes it.
 */
package io.gomap4j.hash;
