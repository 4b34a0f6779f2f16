/**
 * Auto-configuration of the {@code websockets} Actuator endpoint.
 */
package io.incore.websocket.boot.autoconfigure.endpoint;
