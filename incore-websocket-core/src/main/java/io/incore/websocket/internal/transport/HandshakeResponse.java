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
	 * <p>
	 * An answer that is not HTTP is refused as soon as that shows ({@link NotHttpException}): when its first five
	 * bytes are not {@code HTTP/}, or its first line is not a status line. A server of another protocol on the
	 * port (SSH, SMTP and the like greet with a line of their own and then wait) is reported at once instead of
	 * after the handshake timeout.
	 */
	static final class Reader {

		private static final String HTTP_VERSION_PREFIX = "HTTP/";

		/** The end of a line of the head; compiled once, as every handshake splits its head with it. */
		private static final Pattern LINE_END = Pattern.compile("\r?\n");

		private final ByteArrayOutputStream head = new ByteArrayOutputStream();

		/** The bytes of the current line so far, its CRs not counted. */
		private int lineBytes;

		/** The bytes of heads skipped (interim answers), which count towards {@link #MAX_HEAD} too. */
		private int skipped;

		/** The lines of the final head once it is complete, see {@link #lines()}. */
		private String[] lines;

		/**
		 * Where the current head's status line starts in {@link #head}; -1 before its first byte (empty lines before
		 * the status line are skipped).
		 */
		private int statusLineStart = -1;

		/** Whether the beginning of the current head's status line was checked. */
		private boolean versionChecked;

		/** Whether the current head's status line was checked whole. */
		private boolean statusLineRead;

		/**
		 * Takes the next bytes.
		 * @param bytes the bytes read
		 * @param from the first one to take
		 * @param to the index behind the last
		 * @return the index behind the final head's empty line, or -1 if that head is not complete yet
		 * @throws IOException if the answer is not HTTP ({@link NotHttpException}) or its heads grew beyond
		 * {@link #MAX_HEAD} ({@link HeadTooLargeException})
		 */
		int read(byte[] bytes, int from, int to) throws IOException {
			for (int i = from; i < to; i++) {
				byte b = bytes[i];
				this.head.write(b);
				if (b == '\n') {
					if (this.lineBytes == 0 && this.statusLineStart >= 0) {
						String[] complete = lines();
						if (!isInterim(complete[0])) {
							this.lines = complete;
							return i + 1;
						}
						this.skipped += this.head.size();
						this.head.reset();
						this.statusLineStart = -1;
						this.versionChecked = false;
						this.statusLineRead = false;
					}
					else if (this.statusLineStart >= 0 && !this.statusLineRead) {
						this.statusLineRead = true;
						checkStatusLine(statusLine(this.head.size()), true);
					}
					this.lineBytes = 0;
				}
				else if (b != '\r') {
					if (this.statusLineStart < 0) {
						this.statusLineStart = this.head.size() - 1;
					}
					this.lineBytes++;
					if (!this.versionChecked && this.lineBytes >= HTTP_VERSION_PREFIX.length()) {
						// Once per head; a beginning of blanks is left to the check of the whole line.
						this.versionChecked = true;
						String beginning = statusLine(this.head.size());
						if (beginning.length() >= HTTP_VERSION_PREFIX.length()) {
							checkStatusLine(beginning + restOfLine(bytes, i + 1, to), false);
						}
					}
				}
			}
			if (this.skipped + this.head.size() > MAX_HEAD) {
				throw new HeadTooLargeException();
			}
			return -1;
		}

		/**
		 * The status line read so far, up to the given end in {@link #head}, without its line end.
		 */
		private String statusLine(int end) {
			return this.head.toString(StandardCharsets.ISO_8859_1).substring(this.statusLineStart, end).strip();
		}

		/**
		 * The bytes of a read from the given one up to the end of their line, to quote a refused line whole.
		 */
		private static String restOfLine(byte[] bytes, int from, int to) {
			int end = from;
			while (end < to && bytes[end] != '\r' && bytes[end] != '\n') {
				end++;
			}
			return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
		}

		/**
		 * Refuses a status line that is not HTTP's: its beginning once five bytes are in, the whole once it ended.
		 */
		private static void checkStatusLine(String line, boolean whole) throws NotHttpException {
			boolean http = line.startsWith(HTTP_VERSION_PREFIX);
			if (whole) {
				String[] parts = line.split(" ", 3);
				http = http && parts.length >= 2 && isStatusCode(parts[1]);
			}
			if (!http) {
				throw new NotHttpException(line);
			}
		}

		/**
		 * Whether a head's status line is an interim answer's: {@code HTTP/x.y 1xx} but not {@code 101}.
		 */
		private static boolean isInterim(String statusLine) {
			int space = statusLine.indexOf(' ');
			return statusLine.startsWith(HTTP_VERSION_PREFIX) && space > 0 && statusLine.length() >= space + 4
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
		 * Parses the final head, once {@link #read} found its end (and checked its status line).
		 * @return the response
		 */
		HandshakeResponse response() {
			String[] lines = this.lines;
			String[] statusLine = lines[0].split(" ", 3);
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

	/**
	 * Whether the text is a status code: three digits, from 100 to 599, as RFC 9110 section 15 allows (the values
	 * outside that range are invalid; a server, or a proxy, that sends one is not speaking HTTP to us).
	 * @param text the text
	 * @return whether it is a status code
	 */
	static boolean isStatusCode(String text) {
		return text.length() == 3 && text.charAt(0) >= '1' && text.charAt(0) <= '5'
				&& text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/**
	 * The head of the server's answer to the opening handshake grew beyond {@link #MAX_HEAD} without its end.
	 */
	static final class HeadTooLargeException extends IOException {

		HeadTooLargeException() {
			super("its head has no end within " + MAX_HEAD + " bytes");
		}

	}

	/**
	 * The server's answer to the opening handshake is not HTTP; the message quotes its beginning.
	 */
	static final class NotHttpException extends IOException {

		/** The most characters of the answer the message quotes. */
		private static final int QUOTED = 80;

		NotHttpException(String answer) {
			super("'" + printable(answer) + "'");
		}

		/**
		 * The beginning of the answer, with every character outside printable ASCII as {@code ?}: it may be any
		 * bytes at all.
		 */
		private static String printable(String answer) {
			StringBuilder quoted = new StringBuilder();
			for (int i = 0; i < Math.min(answer.length(), QUOTED); i++) {
				char c = answer.charAt(i);
				quoted.append((c >= 0x20 && c < 0x7F) ? c : '?');
			}
			return quoted.toString();
		}

	}

}
