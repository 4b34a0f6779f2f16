/**
 * Micrometer metrics of InCore WebSocket clients.
 */
package io.incore.websocket.boot.metrics;
