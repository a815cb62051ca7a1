package io.triplestore.daemon.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;

/**
 * The few libc calls an AF_UNIX datagram needs, through JNA: Java's NIO has no Unix datagram
 * channel (only stream sockets), and systemd's notification socket is a datagram socket.
 * Linux only; callers treat failures as "cannot notify".
 */
public final class UnixDatagram {

  static final int AF_UNIX = 1;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int MSG_NOSIGNAL = 0x4000;
  static final int MSG_DONTWAIT = 0x40;
  private static final int SUN_PATH_MAX = 108;

  /** libc, as JNA binds it; errors raise {@link LastErrorException} carrying errno. */
  interface LibC extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
        throws LastErrorException;

    int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  private UnixDatagram() {}

  static LibC libc() {
    return Holder.LIBC;
  }

  /** Sends {@code message} as one datagram to the socket at {@code path} ({@code @name}: abstract). */
  public static void send(String path, String message) {
    byte[] address = address(path);
    byte[] payload = message.getBytes(StandardCharsets.UTF_8);
    int fd = libc().socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    try {
      libc().sendto(fd, payload, new NativeLong(payload.length), MSG_NOSIGNAL, address, address.length);
    } finally {
      libc().close(fd);
    }
  }

  /**
   * A {@code struct sockaddr_un} of exactly the used length: family, then the path. A leading
   * {@code @} names the Linux abstract namespace, written as a leading NUL and not terminated.
   */
  static byte[] address(String path) {
    boolean isAbstract = path.startsWith("@");
    byte[] name = (isAbstract ? path.substring(1) : path).getBytes(StandardCharsets.UTF_8);
    int pathLength = name.length + 1; // abstract: leading NUL; file: trailing NUL
    if (name.length == 0 || pathLength > SUN_PATH_MAX) {
      throw new IllegalArgumentException("not a usable AF_UNIX socket address: '" + path + "'");
    }
    byte[] address = new byte[2 + pathLength];
    address[0] = (byte) AF_UNIX; // sa_family_t, little-endian on every Linux JNA runs on here
    address[1] = 0;
    System.arraycopy(name, 0, address, isAbstract ? 3 : 2, name.length);
    return address;
  }
}
