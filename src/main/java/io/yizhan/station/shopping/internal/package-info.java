/** The catalog feed, the picture cache, the API and the background jobs of assisted buying. */
@NullMarked
package io.yizhan.station.shopping.internal;

import org.jspecify.annotations.NullMarked;
