/**
 * Internal, not an API: the shared, bounded thread pools of the library and the serial event context of each
 * object.
 */
package io.incore.websocket.internal.concurrent;
