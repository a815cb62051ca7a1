package io.triplestore.store;

/**
 * An atomic import read more triples than it may stage before its single commit. Nothing was
 * imported; load the file with the bulk path instead, or raise the limit.
 */
public class ImportTooLargeException extends StoreException {

  private static final long serialVersionUID = 1L;

  public ImportTooLargeException(long limit) {
    super("the input has more than " + limit + " triples: too large for an atomic import, nothing"
        + " was imported; use bulk mode (TripleStore.bulkLoad) or raise"
        + " StoreOptions.maxAtomicImportTriples");
  }
}
