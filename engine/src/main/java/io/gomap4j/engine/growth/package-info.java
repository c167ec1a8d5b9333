/** The bundled growth policy: Go 1.19's rules, named {@code go119}. */
package io.gomap4j.engine.growth;
