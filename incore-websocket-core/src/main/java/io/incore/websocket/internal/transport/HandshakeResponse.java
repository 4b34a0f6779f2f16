package io.incore.websocket.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.glassfish.tyrus.spi.UpgradeResponse;

/**
 * The server's answer to the opening handshake, read from the bytes as they arrive: the status line and the header
 * fields up to the empty line, as HTTP/1.1 (RFC 9112) writes them, handed to Tyrus' engine to judge. Whatever
 * follows the empty line already belongs to the WebSocket connection and is left to the caller.
 * <p>
 * Why not Netty's HTTP codec: only this head is read, once per connection, and the bytes right behind it must reach
 * the frame reader untouched; a small reader does exactly that. A head larger than {@link #MAX_HEAD} is refused.
 */
final class HandshakeResponse extends UpgradeResponse {

	static final int MAX_HEAD = 16 * 1024;

	private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private int status;

	private String reasonPhrase = "";

	@Override
	public int getStatus() {
		return this.status;
	}

	@Override
	public void setStatus(int status) {
		this.status = status;
	}

	@Override
	public void setReasonPhrase(String reason) {
		this.reasonPhrase = reason;
	}

	@Override
	public String getReasonPhrase() {
		return this.reasonPhrase;
	}

	@Override
	public Map<String, List<String>> getHeaders() {
		return this.headers;
	}

	/**
	 * Collects the response head across reads.
	 * <p>
	 * As RFC 9112 allows a recipient, a line may end with a bare LF as well as with CRLF, and empty lines before the
	 * status line are skipped; a field value folded onto the next line (a line that starts with a space or a tab)
	 * is joined with a space, as section 5.2 asks of a user agent. An interim answer ({@code 1xx} other than
	 * {@code 101}, such as {@code 100 Continue}) is skipped, as RFC 9110 section 15.2 lets a client do with one it
	 * did not ask for: the answer read is the one after it.
	 */
	static final class Reader {

		/** The end of a line of the head; compiled once, as every handshake splits its head with it. */
		private static final Pattern LINE_END = Pattern.compile("\r?\n");

		private final ByteArrayOutputStream head = new ByteArrayOutputStream();

		/** The bytes of the current line so far, its CRs not counted. */
		private int lineBytes;

		/** Whether the head has a line with content yet (empty lines before the status line are skipped). */
		private boolean started;

		/** The bytes of heads skipped (interim answers), which count towards {@link #MAX_HEAD} too. */
		private int skipped;

		/** The lines of the final head once it is complete, see {@link #lines()}. */
		private String[] lines;

		/**
		 * Takes the next bytes.
		 * @param bytes the bytes read
		 * @param from the first one to take
		 * @param to the index behind the last
		 * @return the index behind the final head's empty line, or -1 if that head is not complete yet
		 * @throws IOException if the heads grew beyond {@link #MAX_HEAD}
		 */
		int read(byte[] bytes, int from, int to) throws IOException {
			for (int i = from; i < to; i++) {
				byte b = bytes[i];
				this.head.write(b);
				if (b == '\n') {
					if (this.lineBytes == 0 && this.started) {
						String[] complete = lines();
						if (!isInterim(complete[0])) {
							this.lines = complete;
							return i + 1;
						}
						this.skipped += this.head.size();
						this.head.reset();
						this.started = false;
					}
					this.lineBytes = 0;
				}
				else if (b != '\r') {
					this.lineBytes++;
					this.started = true;
				}
			}
			if (this.skipped + this.head.size() > MAX_HEAD) {
				throw new IOException("The server's answer to the opening handshake has no end within " + MAX_HEAD
						+ " bytes");
			}
			return -1;
		}

		/**
		 * Whether a head's status line is an interim answer's: {@code HTTP/x.y 1xx} but not {@code 101}.
		 */
		private static boolean isInterim(String statusLine) {
			int space = statusLine.indexOf(' ');
			return statusLine.startsWith("HTTP/") && space > 0 && statusLine.length() >= space + 4
					&& statusLine.charAt(space + 1) == '1' && !statusLine.startsWith("101", space + 1)
					&& isStatusCode(statusLine.substring(space + 1, space + 4));
		}

		/**
		 * The lines of the head with content, folded lines joined to the line they continue.
		 */
		private String[] lines() {
			List<String> lines = new ArrayList<>();
			for (String line : LINE_END.split(this.head.toString(StandardCharsets.ISO_8859_1).stripLeading())) {
				if (!lines.isEmpty() && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
					lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.strip());
				}
				else if (!line.isEmpty()) {
					lines.add(line);
				}
			}
			return lines.isEmpty() ? new String[] { "" } : lines.toArray(String[]::new);
		}

		/**
		 * Parses the final head, once {@link #read} found its end.
		 * @return the response
		 * @throws IOException if the status line is not HTTP's
		 */
		HandshakeResponse response() throws IOException {
			String[] lines = this.lines;
			String[] statusLine = lines[0].split(" ", 3);
			if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !isStatusCode(statusLine[1])) {
				throw new IOException("The server did not answer the opening handshake with HTTP: '"
						+ lines[0].substring(0, Math.min(lines[0].length(), 80)) + "'");
			}
			HandshakeResponse response = new HandshakeResponse();
			response.setStatus(Integer.parseInt(statusLine[1]));
			response.setReasonPhrase((statusLine.length == 3) ? statusLine[2] : "");
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					response.headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new ArrayList<>())
						.addAll(values(lines[i].substring(colon + 1)));
				}
			}
			return response;
		}

		private static boolean isStatusCode(String text) {
			return text.length() == 3 && text.chars().allMatch((c) -> c >= '0' && c <= '9');
		}

		/**
		 * Splits a field value at commas outside quotes, as Tyrus' engine expects lists.
		 */
		private static List<String> values(String value) {
			List<String> values = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			boolean quoted = false;
			for (char c : value.toCharArray()) {
				if (c == '"') {
					quoted = !quoted;
				}
				if (c == ',' && !quoted) {
					values.add(current.toString().trim());
					current.setLength(0);
				}
				else {
					current.append(c);
				}
			}
			values.add(current.toString().trim());
			return values;
		}

	}

}
