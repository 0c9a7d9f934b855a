/**
 * Assisted buying (代购): the platform's catalog kept at the station (pulled by cursor, pictures
 * cached on disk) for the kiosk's 买东西 and the counter's 代购; orders placed at central for a
 * resident with their consent, reviewed by rules, paid through payments, tracked from central's
 * feed to the parcel shelf. Public API: {@link io.yizhan.station.shopping.Catalog},
 * {@link io.yizhan.station.shopping.Shopping} and their records and events.
 */
@NullMarked
package io.yizhan.station.shopping;

import org.jspecify.annotations.NullMarked;
