/**
 * Auto-configuration of InCore WebSocket clients declared under {@code incore.websocket}.
 */
package io.incore.websocket.boot.autoconfigure;
