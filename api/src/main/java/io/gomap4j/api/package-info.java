/**
 * The map types a Java program uses.
 *
 * <p>{@link io.gomap4j.api.GoMap} is a {@link java.util.Map} backed by Go's bucket design;
 * {@link io.gomap4j.api.LongLongGoMap} is its primitive twin for integer keys and values, which
 * never boxes on get, put, remove, containsKey or forEach. Both report their internal state through
 * {@link io.gomap4j.api.MapStats}. {@link io.gomap4j.api.GoType} names the Go type a key or value
 * stands for, which decides its hash function and its slot size in a bucket. Maps are created by
 * {@code io.gomap4j.engine.GoMaps}.
 */
package io.gomap4j.api;
