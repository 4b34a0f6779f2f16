package io.incore.websocket;

/**
 * The InCore {@code IpSocket.Error} codes that {@link WebSocket#ipSocketErrorOccurred} carries, with their
 * documented numeric values. For every code from 10 on, the value is Qt's {@code QAbstractSocket::SocketError}
 * plus 10.
 */
public enum IpSocketError implements InCoreEnum {

	/** Nothing went wrong. */
	NoError(0),
	/** The host name is missing or empty. */
	EmptyHostNameError(1),
	/** The port is outside 1 to 65535. */
	PortNumberOutOfRangeError(2),
	/** A datagram was invalid and not written (UDP only). */
	DatagramWriteError(3),
	/** The peer refused the connection, or the WebSocket upgrade was rejected, or the URL is invalid. */
	ConnectionRefusedError(10),
	/** The remote side closed the connection without a close handshake. */
	RemoteHostClosedError(11),
	/** The host address was not found. */
	HostNotFoundError(12),
	/** The operation lacked the required privileges. */
	SocketAccessError(13),
	/** Local resources ran out, e.g. too many sockets. */
	SocketResourceError(14),
	/** An operation timed out: connecting, the handshake, or a heartbeat without answer. */
	SocketTimeoutError(15),
	/** A message was larger than the allowed maximum. */
	DatagramTooLargeError(16),
	/** A network failure, e.g. the connection broke. */
	NetworkError(17),
	/** The bind address is already in use exclusively. */
	AddressInUseError(18),
	/** The bind address does not belong to this host. */
	SocketAddressNotAvailableError(19),
	/** The operation is not supported, e.g. a URL scheme other than ws or wss. */
	UnsupportedSocketOperationError(20),
	/** A previous operation has not finished yet. */
	UnfinishedSocketOperationError(21),
	/** The proxy requires authentication. */
	ProxyAuthenticationRequiredError(22),
	/** The TLS handshake failed and the connection was closed. */
	SslHandshakeFailedError(23),
	/** The proxy refused the connection. */
	ProxyConnectionRefusedError(24),
	/** The proxy closed the connection before the peer was reached. */
	ProxyConnectionClosedError(25),
	/** The proxy timed out or stopped answering. */
	ProxyConnectionTimeoutError(26),
	/** The proxy address was not found. */
	ProxyNotFoundError(27),
	/** The proxy's reply was not understood. */
	ProxyProtocolError(28),
	/** The operation is not allowed in the current state. */
	OperationError(29),
	/** The TLS library failed internally. */
	SslInternalError(30),
	/** Invalid certificate, key or cipher data was given to the TLS library. */
	SslInvalidUserDataError(31),
	/** A transient error; the operation may succeed later. */
	TemporaryError(32);

	private final int value;

	IpSocketError(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return this.value;
	}

	/**
	 * Returns the code with the given numeric value.
	 * @param value the value
	 * @return the code
	 * @throws IllegalArgumentException if no code has that value
	 */
	public static IpSocketError fromValue(int value) {
		return InCoreEnum.fromValue(IpSocketError.class, value);
	}

}
