/**
 * The kiosk shell for residents: home screen with service tiles, large-type layout with Back and
 * Home, numeric keypad, idle reset, spoken prompts, language and text size. Feature modules add a
 * screen with {@code @Route(value = "kiosk/…", layout = KioskLayout.class)} and a tile by declaring a
 * {@link io.yizhan.station.kiosk.KioskTile} bean.
 */
@NullMarked
package io.yizhan.station.kiosk;

import org.jspecify.annotations.NullMarked;
