/**
 * The Actuator endpoint {@code websockets}.
 */
package io.incore.websocket.boot.endpoint;
