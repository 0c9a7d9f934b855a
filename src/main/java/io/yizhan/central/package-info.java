/**
 * The central platform: receives every station's events exactly once, answers per event, and
 * gives operators a view of the stations. Runs from the same jar ({@code yizhan.jar central}) as
 * its own Spring Boot application with its own configuration ({@code central.yml}).
 */
@NullMarked
package io.yizhan.central;

import org.jspecify.annotations.NullMarked;
