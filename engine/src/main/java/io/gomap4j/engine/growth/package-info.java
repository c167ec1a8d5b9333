/**
 * The bundled growth policies: Go 1.19's rules, named {@code go119}, and the same rules plus
 * shrinking below a quarter of the load factor, named {@code go119-shrink}.
 */
package io.gomap4j.engine.growth;
