/**
 * Staff: accounts and roles (ADMIN &gt; MANAGER &gt; CLERK), sign-in with throttling per terminal,
 * the API's HTTP Basic access and the audit log of sign-ins and privileged actions.
 */
@NullMarked
package io.yizhan.station.staff;

import org.jspecify.annotations.NullMarked;
