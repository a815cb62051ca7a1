package io.triplestore.it.daemon;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What systemd does for a {@code Type=notify} service: an AF_UNIX datagram socket whose path goes
 * into {@code NOTIFY_SOCKET}, collecting the messages the service sends. Java has no Unix
 * datagram sockets, so libc through JNA.
 */
final class NotifySocket implements AutoCloseable {

  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int MSG_DONTWAIT = 0x40;

  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int length) throws LastErrorException;

    NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private final int fd;
  private final String path;
  private final List<String> messages = new CopyOnWriteArrayList<>();

  private NotifySocket(int fd, String path) {
    this.fd = fd;
    this.path = path;
  }

  static NotifySocket bind(Path file) {
    byte[] name = file.toString().getBytes(StandardCharsets.UTF_8);
    byte[] address = new byte[2 + name.length + 1];
    address[0] = AF_UNIX;
    System.arraycopy(name, 0, address, 2, name.length);
    int fd = LibC.INSTANCE.socket(AF_UNIX, SOCK_DGRAM, 0);
    LibC.INSTANCE.bind(fd, address, address.length);
    return new NotifySocket(fd, file.toString());
  }

  String path() {
    return path;
  }

  /** Every message received so far, reading what is waiting without blocking. */
  List<String> messages() {
    byte[] buffer = new byte[4096];
    while (true) {
      try {
        long length = LibC.INSTANCE.recv(fd, buffer, new NativeLong(buffer.length), MSG_DONTWAIT).longValue();
        messages.add(new String(buffer, 0, (int) length, StandardCharsets.UTF_8));
      } catch (LastErrorException e) {
        return messages; // EAGAIN: nothing more waiting
      }
    }
  }

  @Override
  public void close() {
    LibC.INSTANCE.close(fd);
  }
}
