package io.triplestore.benchmarks.sparql;

/**
 * The vocabulary of the generated university data, modelled on LUBM's univ-bench ontology but in
 * a namespace of our own (the data is not LUBM's: no OWL, no inference is expected of a store).
 */
final class Univ {

  static final String NS = "http://lubm.bench.example.org/onto#";
  static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  static final String SUB_CLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
  static final String XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";

  /**
   * The class hierarchy, child then parent, written into the data as {@code rdfs:subClassOf} so
   * that queries can walk it with a property path ({@code a/rdfs:subClassOf*}).
   */
  static final String[][] SUB_CLASSES = {
      {"Faculty", "Person"}, {"Student", "Person"},
      {"Professor", "Faculty"}, {"Lecturer", "Faculty"},
      {"FullProfessor", "Professor"}, {"AssociateProfessor", "Professor"}, {"AssistantProfessor", "Professor"},
      {"UndergraduateStudent", "Student"}, {"GraduateStudent", "Student"},
      {"University", "Organization"}, {"Department", "Organization"}, {"ResearchGroup", "Organization"},
      {"GraduateCourse", "Course"},
  };

  private Univ() {}

  static String term(String localName) {
    return NS + localName;
  }

  static String university(int u) {
    return "http://www.University" + u + ".edu";
  }

  static String department(int u, int d) {
    return "http://www.Department" + d + ".University" + u + ".edu";
  }

  /** A member of a department: {@code http://www.Department0.University0.edu/FullProfessor3}. */
  static String inDepartment(int u, int d, String localName) {
    return department(u, d) + "/" + localName;
  }
}
