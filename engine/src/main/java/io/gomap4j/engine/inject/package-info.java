/**
 * Optional Guice wiring for gomap4j: {@link io.gomap4j.engine.inject.GoMapModule} binds the plugins
 * by name and an injectable {@link io.gomap4j.engine.inject.GoMapFactory}. Needs Guice on the class
 * path; nothing else in the engine does.
 */
package io.gomap4j.engine.inject;
