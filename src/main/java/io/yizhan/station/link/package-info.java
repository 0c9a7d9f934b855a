/**
 * The station's HTTP link to central, signed in with the station's id and key
 * ({@code yizhan.sync.central-url}, {@code yizhan.sync.station-key}). It sits below the feature
 * modules: sync delivers and pulls through it, and a module that must ask central now (payments:
 * pay, query, reverse, refund) calls it directly, so no feature module depends on another to reach
 * central and the module graph stays acyclic.
 */
@NullMarked
package io.yizhan.station.link;

import org.jspecify.annotations.NullMarked;
