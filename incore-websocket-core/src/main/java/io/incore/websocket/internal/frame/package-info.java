/**
 * Internal, not an API: the RFC 6455 frame engine: the reader of every frame a server sends, the encoder of the
 * client's frames, masking, UTF-8 checks and the protocol's numbers. Pure Java, no I/O.
 */
package io.incore.websocket.internal.frame;
