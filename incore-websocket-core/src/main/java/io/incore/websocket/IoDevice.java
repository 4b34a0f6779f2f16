package io.incore.websocket;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * The InCore {@code IoDevice}: the base of devices that read and write blocks of data. Configure the mode
 * properties, call {@link #open()}, then use {@code read}/{@code write}.
 * <p>
 * The read side is a byte stream fed by the concrete device (for a {@link WebSocket}: every binary message
 * received while open). After every change of that stream the derived properties ({@code bytesAvailable},
 * {@code size}, {@code atEnd}, {@code canReadLine}) are updated first, then {@link #readyRead} is emitted,
 * then {@link #lineAvailableForRead} if a complete line can be read. The stream is bounded; data that would
 * exceed the bound is refused and reported in {@code deviceErrorString}.
 * <p>
 * Changing {@code append}, {@code readOnly}, {@code truncate} or {@code unbuffered} while open calls
 * {@link #close()}, as the InCore reference says, unless the device decides that a flag has no meaning for it
 * (see {@link WebSocket}).
 */
public abstract class IoDevice extends InCoreObject {

	/** Longest line {@link #readLine()} returns, in bytes, as in InCore. */
	public static final int MAX_LINE_LENGTH = 65535;

	private static final System.Logger logger = System.getLogger(IoDevice.class.getName());

	/** Emitted when {@code append} changed. */
	public final Signal appendChanged = new Signal(this, "appendChanged");

	/** Emitted when {@code atEnd} changed. */
	public final Signal atEndChanged = new Signal(this, "atEndChanged");

	/** Emitted when {@code autoOpen} changed. */
	public final Signal autoOpenChanged = new Signal(this, "autoOpenChanged");

	/** Emitted when {@code bytesAvailable} changed. */
	public final Signal bytesAvailableChanged = new Signal(this, "bytesAvailableChanged");

	/** Emitted when {@code canReadLine} changed. */
	public final Signal canReadLineChanged = new Signal(this, "canReadLineChanged");

	/** Emitted when {@code deviceErrorString} changed. */
	public final Signal deviceErrorStringChanged = new Signal(this, "deviceErrorStringChanged");

	/** Emitted when {@code isOpen} changed. */
	public final Signal isOpenChanged = new Signal(this, "isOpenChanged");

	/** Emitted when {@code isWritable} changed. */
	public final Signal isWritableChanged = new Signal(this, "isWritableChanged");

	/** Emitted when {@code nameArgument} changed. */
	public final Signal nameArgumentChanged = new Signal(this, "nameArgumentChanged");

	/** Emitted when {@code pos} changed; never, on a sequential device. */
	public final Signal posChanged = new Signal(this, "posChanged");

	/** Emitted when {@code readOnly} changed. */
	public final Signal readOnlyChanged = new Signal(this, "readOnlyChanged");

	/** Emitted when {@code size} changed. */
	public final Signal sizeChanged = new Signal(this, "sizeChanged");

	/** Emitted when {@code truncate} changed. */
	public final Signal truncateChanged = new Signal(this, "truncateChanged");

	/** Emitted when {@code unbuffered} changed. */
	public final Signal unbufferedChanged = new Signal(this, "unbufferedChanged");

	/** Emitted once per arrival of new readable data. */
	public final Signal readyRead = new Signal(this, "readyRead");

	/** Emitted after {@link #readyRead} for an arrival that left a complete line readable. */
	public final Signal lineAvailableForRead = new Signal(this, "lineAvailableForRead");

	private final ObservableProperty<Boolean> append = new ObservableProperty<>(this, this.appendChanged, true);

	private final ObservableProperty<Boolean> atEnd = new ObservableProperty<>(this, this.atEndChanged, true);

	private final ObservableProperty<Boolean> autoOpen = new ObservableProperty<>(this, this.autoOpenChanged, false);

	private final ObservableProperty<Long> bytesAvailable = new ObservableProperty<>(this, this.bytesAvailableChanged,
			0L);

	private final ObservableProperty<Boolean> canReadLine = new ObservableProperty<>(this, this.canReadLineChanged,
			false);

	private final ObservableProperty<String> deviceErrorString = new ObservableProperty<>(this,
			this.deviceErrorStringChanged, "");

	private final ObservableProperty<Boolean> isOpen = new ObservableProperty<>(this, this.isOpenChanged, false);

	private final ObservableProperty<Boolean> isWritable = new ObservableProperty<>(this, this.isWritableChanged,
			false);

	private final ObservableProperty<String> nameArgument = new ObservableProperty<>(this, this.nameArgumentChanged,
			"");

	private final ObservableProperty<Boolean> readOnly = new ObservableProperty<>(this, this.readOnlyChanged, false);

	private final ObservableProperty<Long> size = new ObservableProperty<>(this, this.sizeChanged, 0L);

	private final ObservableProperty<Boolean> truncate = new ObservableProperty<>(this, this.truncateChanged, false);

	private final ObservableProperty<Boolean> unbuffered = new ObservableProperty<>(this, this.unbufferedChanged,
			false);

	private final ReadBuffer readBuffer = new ReadBuffer();

	/**
	 * Creates a device.
	 * @param parent the parent, or {@code null}
	 */
	static {
		PropertyBinding.declare(IoDevice.class, "append", Boolean.class, IoDevice::isAppend,
				(object, value) -> object.setAppend((Boolean) value));
		PropertyBinding.declare(IoDevice.class, "atEnd", Boolean.class, IoDevice::isAtEnd, null);
		PropertyBinding.declare(IoDevice.class, "autoOpen", Boolean.class, IoDevice::isAutoOpen,
				(object, value) -> object.setAutoOpen((Boolean) value));
		PropertyBinding.declare(IoDevice.class, "bytesAvailable", Long.class, IoDevice::getBytesAvailable, null);
		PropertyBinding.declare(IoDevice.class, "canReadLine", Boolean.class, IoDevice::canReadLine, null);
		PropertyBinding.declare(IoDevice.class, "deviceErrorString", String.class, IoDevice::getDeviceErrorString, null);
		PropertyBinding.declare(IoDevice.class, "isOpen", Boolean.class, IoDevice::isOpen, null);
		PropertyBinding.declare(IoDevice.class, "isWritable", Boolean.class, IoDevice::isWritable, null);
		PropertyBinding.declare(IoDevice.class, "nameArgument", String.class, IoDevice::getNameArgument,
				(object, value) -> object.setNameArgument((String) value));
		PropertyBinding.declare(IoDevice.class, "pos", Long.class, IoDevice::getPos, null);
		PropertyBinding.declare(IoDevice.class, "readOnly", Boolean.class, IoDevice::isReadOnly,
				(object, value) -> object.setReadOnly((Boolean) value));
		PropertyBinding.declare(IoDevice.class, "size", Long.class, IoDevice::getSize, null);
		PropertyBinding.declare(IoDevice.class, "truncate", Boolean.class, IoDevice::isTruncate,
				(object, value) -> object.setTruncate((Boolean) value));
		PropertyBinding.declare(IoDevice.class, "unbuffered", Boolean.class, IoDevice::isUnbuffered,
				(object, value) -> object.setUnbuffered((Boolean) value));
	}

	protected IoDevice(InCoreObject parent) {
		super(parent);
		registerSignals(this.appendChanged, this.atEndChanged, this.autoOpenChanged, this.bytesAvailableChanged,
				this.canReadLineChanged, this.deviceErrorStringChanged, this.isOpenChanged, this.isWritableChanged,
				this.nameArgumentChanged, this.posChanged, this.readOnlyChanged, this.sizeChanged,
				this.truncateChanged, this.unbufferedChanged, this.readyRead, this.lineAvailableForRead);
	}

	/**
	 * Returns whether writes go to the end of the device.
	 * @return the append flag, {@code true} by default
	 */
	public boolean isAppend() {
		return this.append.get();
	}

	/**
	 * Sets the append flag.
	 * @param append the flag
	 */
	public void setAppend(boolean append) {
		setModeFlag(this.append, append, "append");
	}

	/**
	 * Returns whether nothing is left to read: the device is not open or its read buffer is empty.
	 * @return whether the read position is at the end
	 */
	public boolean isAtEnd() {
		return this.atEnd.get();
	}

	/**
	 * Returns whether {@link #complete()} opens the device.
	 * @return the flag, {@code false} by default
	 */
	public boolean isAutoOpen() {
		return this.autoOpen.get();
	}

	/**
	 * Sets whether {@link #complete()} opens the device.
	 * @param autoOpen the flag
	 */
	public void setAutoOpen(boolean autoOpen) {
		this.autoOpen.set(autoOpen);
	}

	/**
	 * Returns the number of bytes that can be read.
	 * @return the byte count
	 */
	public long getBytesAvailable() {
		return this.bytesAvailable.get();
	}

	/**
	 * Returns whether a complete line ({@code '\n'}-terminated) can be read.
	 * @return whether a line can be read
	 */
	public boolean canReadLine() {
		return this.canReadLine.get();
	}

	/**
	 * Returns the text of the last device-level error (writing to a closed device, a full read buffer, ...).
	 * Network errors are not device errors; see the concrete device. Cleared by a successful {@link #open()}.
	 * @return the text, {@code ""} if none
	 */
	public String getDeviceErrorString() {
		return this.deviceErrorString.get();
	}

	/**
	 * Returns whether the device is open.
	 * @return whether it is open
	 */
	public boolean isOpen() {
		return this.isOpen.get();
	}

	/**
	 * Returns whether data can be written: the device is open and not read-only.
	 * @return whether it is writable
	 */
	public boolean isWritable() {
		return this.isWritable.get();
	}

	/**
	 * Returns the text substituted into placeholders of file names; meaningless for non-file devices.
	 * @return the name argument
	 */
	public String getNameArgument() {
		return this.nameArgument.get();
	}

	/**
	 * Sets the name argument.
	 * @param nameArgument the text; {@code null} counts as {@code ""}
	 */
	public void setNameArgument(String nameArgument) {
		this.nameArgument.set((nameArgument != null) ? nameArgument : "");
	}

	/**
	 * Returns the position of the next read or write: always 0 on a sequential device.
	 * @return the position
	 */
	public long getPos() {
		return 0;
	}

	/**
	 * Sets the position. A sequential device has none, so the call is ignored and logged.
	 * @param pos the requested position
	 */
	public void setPos(long pos) {
		if (pos != 0) {
			logger.log(Level.WARNING, () -> describe() + " is sequential; setting pos to " + pos + " is ignored");
		}
	}

	/**
	 * Returns whether the device is opened for reading only.
	 * @return the flag, {@code false} by default
	 */
	public boolean isReadOnly() {
		return this.readOnly.get();
	}

	/**
	 * Sets whether the device is opened for reading only.
	 * @param readOnly the flag
	 */
	public void setReadOnly(boolean readOnly) {
		setModeFlag(this.readOnly, readOnly, "readOnly");
		updateWritable();
	}

	/**
	 * Returns the size of the device: for a sequential device, the bytes available.
	 * @return the size
	 */
	public long getSize() {
		return this.size.get();
	}

	/**
	 * Returns whether opening truncates the device.
	 * @return the flag, {@code false} by default
	 */
	public boolean isTruncate() {
		return this.truncate.get();
	}

	/**
	 * Sets whether opening truncates the device.
	 * @param truncate the flag
	 */
	public void setTruncate(boolean truncate) {
		setModeFlag(this.truncate, truncate, "truncate");
	}

	/**
	 * Returns whether reads and writes bypass internal buffers.
	 * @return the flag, {@code false} by default
	 */
	public boolean isUnbuffered() {
		return this.unbuffered.get();
	}

	/**
	 * Sets whether reads and writes bypass internal buffers.
	 * @param unbuffered the flag
	 */
	public void setUnbuffered(boolean unbuffered) {
		setModeFlag(this.unbuffered, unbuffered, "unbuffered");
	}

	/**
	 * Opens the device per its mode properties.
	 * @return {@code true} if the device is open, {@code false} if it could not be opened (see
	 * {@link #getDeviceErrorString()})
	 */
	public boolean open() {
		synchronized (this.lock) {
			if (isOpen()) {
				return true;
			}
			if (!openDevice()) {
				return false;
			}
			this.deviceErrorString.set("");
			this.isOpen.set(true);
			updateWritable();
			updateReadState(false);
			return true;
		}
	}

	/**
	 * Flushes pending writes, closes the device and discards unread data.
	 */
	public void close() {
		synchronized (this.lock) {
			closeDevice();
			if (!isOpen()) {
				return;
			}
			this.isOpen.set(false);
			this.readBuffer.clear();
			updateWritable();
			updateReadState(false);
		}
	}

	/**
	 * Pushes buffered writes to the operating system. Devices without a write buffer do nothing.
	 */
	public void flush() {
	}

	/**
	 * Flushes and asks the system to persist everything; the same as {@link #flush()} unless a device says
	 * otherwise.
	 */
	public void sync() {
		flush();
	}

	/**
	 * Reads and consumes at most {@code maxSize} bytes.
	 * @param maxSize the maximum; zero or less reads nothing
	 * @return the bytes, empty if nothing is available
	 */
	public byte[] read(long maxSize) {
		if (maxSize <= 0) {
			return new byte[0];
		}
		synchronized (this.lock) {
			byte[] data = this.readBuffer.read(maxSize);
			updateReadState(false);
			return data;
		}
	}

	/**
	 * Reads and consumes everything available.
	 * @return the bytes, empty if nothing is available
	 */
	public byte[] readAll() {
		return read(Long.MAX_VALUE);
	}

	/**
	 * Returns everything available without consuming it, e.g. to parse a protocol whose messages may arrive in
	 * pieces.
	 * @return a copy of the readable bytes
	 */
	public byte[] peekAll() {
		synchronized (this.lock) {
			return this.readBuffer.peek(Long.MAX_VALUE);
		}
	}

	/**
	 * Reads one line, decoded as UTF-8 (malformed sequences become U+FFFD).
	 * <p>
	 * Decision (the InCore reference is silent): as Qt's {@code QIODevice::readLine}, the terminating
	 * {@code '\n'} is kept; lines may span several received messages; without a complete line the call returns
	 * what is there (a partial line), so check {@link #canReadLine()} first. At most {@link #MAX_LINE_LENGTH}
	 * bytes are returned, never ending inside a multi-byte character.
	 * @return the line, {@code ""} if nothing is available
	 */
	public String readLine() {
		synchronized (this.lock) {
			byte[] line = this.readBuffer.readLine(MAX_LINE_LENGTH);
			updateReadState(false);
			return new String(line, StandardCharsets.UTF_8);
		}
	}

	/**
	 * Writes data.
	 * @param data the bytes
	 * @return the number of bytes written, or -1 if the device is not open or read-only (see
	 * {@link #getDeviceErrorString()})
	 */
	public long write(byte[] data) {
		synchronized (this.lock) {
			if (!isOpen()) {
				reportDeviceError("write() failed: " + describe() + " is not open; call open() first");
				return -1;
			}
			if (isReadOnly()) {
				reportDeviceError("write() failed: " + describe() + " is read-only");
				return -1;
			}
		}
		return writeDevice(data);
	}

	/**
	 * Writes a string as its UTF-8 bytes, as InCore converts script strings.
	 * @param text the text
	 * @return as {@link #write(byte[])}
	 */
	public long write(String text) {
		return write(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Starts the concrete device; called under the lock by {@link #open()}.
	 * @return whether the device could be opened
	 */
	abstract boolean openDevice();

	/**
	 * Stops the concrete device; called under the lock by {@link #close()}, also when not open.
	 */
	abstract void closeDevice();

	/**
	 * Writes to the concrete device; called without the lock.
	 */
	abstract long writeDevice(byte[] data);

	/**
	 * Tells whether changing the given mode flag while open closes the device.
	 * @param property the flag's name
	 * @return {@code true} by default, as InCore documents
	 */
	boolean closesOnModeChange(String property) {
		return true;
	}

	/**
	 * Returns the most bytes the read buffer may hold.
	 */
	abstract long readBufferCapacity();

	/**
	 * Appends received data to the read stream if the device is open; called under the lock.
	 * @return whether the data was appended
	 */
	final boolean appendReceived(byte[] data) {
		if (!isOpen()) {
			return false;
		}
		if (this.readBuffer.size() + data.length > readBufferCapacity()) {
			reportDeviceError("Read buffer full: " + this.readBuffer.size() + " unread bytes and " + data.length
					+ " more would exceed its capacity of " + readBufferCapacity() + " bytes; read faster");
			return false;
		}
		this.readBuffer.append(data);
		updateReadState(true);
		return true;
	}

	final void reportDeviceError(String message) {
		this.deviceErrorString.set(message);
	}

	private void setModeFlag(ObservableProperty<Boolean> flag, boolean value, String property) {
		synchronized (this.lock) {
			if (flag.set(value) && isOpen() && closesOnModeChange(property)) {
				close();
			}
		}
	}

	private void updateWritable() {
		this.isWritable.set(isOpen() && !isReadOnly());
	}

	private void updateReadState(boolean newData) {
		long available = this.readBuffer.size();
		this.bytesAvailable.set(available);
		this.size.set(available);
		this.atEnd.set(!isOpen() || available == 0);
		this.canReadLine.set(this.readBuffer.containsNewline());
		if (newData) {
			this.readyRead.emit();
			if (canReadLine()) {
				this.lineAvailableForRead.emit();
			}
		}
	}

}
