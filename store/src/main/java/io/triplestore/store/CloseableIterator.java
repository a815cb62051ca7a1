package io.triplestore.store;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An iterator over native resources: close it (try-with-resources) when done, also when not
 * exhausted. Closing is idempotent.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

  @Override
  void close();

  /** This iterator's elements mapped by {@code mapping}; closing either closes this iterator. */
  static <T, R> CloseableIterator<R> map(CloseableIterator<T> source, Function<? super T, ? extends R> mapping) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public R next() {
        return mapping.apply(source.next());
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }

  /** The remaining elements as a sequential stream; closing the stream closes this iterator. */
  default Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }
}
