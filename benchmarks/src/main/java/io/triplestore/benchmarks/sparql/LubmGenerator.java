package io.triplestore.benchmarks.sparql;

import static io.triplestore.benchmarks.sparql.Univ.inDepartment;
import static io.triplestore.benchmarks.sparql.Univ.term;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * A deterministic LUBM-style data set in N-Triples: universities, their departments and research
 * groups ({@code subOrganizationOf}), faculty of four kinds who teach courses and author
 * publications, undergraduate and graduate students who take courses and have advisors, names,
 * e-mail addresses and telephone numbers as literals, and a small class hierarchy. The same
 * universities and seed give the same file, byte for byte. About 57,000 triples per university on
 * average (ratios after LUBM's, with fewer departments and publications): with the default seed, 1
 * university gives 68,254 triples and 18 give 1,023,291. No triple is written twice.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.triplestore.benchmarks.sparql.LubmGenerator universities out.nt [seed]}.
 */
public final class LubmGenerator {

  /** The seed of the published figures. */
  public static final long DEFAULT_SEED = 15L;

  private static final String[] PROFESSOR_KINDS = {"FullProfessor", "AssociateProfessor", "AssistantProfessor"};

  private final int universities;
  private final SplittableRandom random;
  private final Writer out;
  private long triples;

  private LubmGenerator(int universities, long seed, Writer out) {
    this.universities = universities;
    this.random = new SplittableRandom(seed);
    this.out = out;
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: LubmGenerator universities out.nt [seed]");
    }
    long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    long written = write(Integer.parseInt(args[0]), seed, Path.of(args[1]));
    System.out.printf("%,d triples written to %s%n", written, args[1]);
  }

  /**
   * Writes the data set to {@code file} (through a temporary file, so that a crashed run never
   * leaves a truncated file behind that a later run would take for complete); returns its triples.
   */
  public static long write(int universities, long seed, Path file) {
    if (universities <= 0) {
      throw new IllegalArgumentException("universities must be positive: " + universities);
    }
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      LubmGenerator generator = new LubmGenerator(universities, seed, writer);
      generator.generate();
      writer.flush();
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      return generator.triples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void generate() throws IOException {
    for (String[] pair : Univ.SUB_CLASSES) {
      iri(term(pair[0]), Univ.SUB_CLASS_OF, term(pair[1]));
    }
    for (int u = 0; u < universities; u++) {
      String university = Univ.university(u);
      type(university, "University");
      literal(university, "name", "University" + u);
      int departments = between(8, 12);
      for (int d = 0; d < departments; d++) {
        new Department(u, d).generate();
      }
    }
  }

  /** One department's people, courses and publications; the unit of generation. */
  private final class Department {
    private final int u;
    private final int d;
    private final String iri;
    private final int[] professors = new int[PROFESSOR_KINDS.length];
    private int lecturers;
    private int courses;
    private int graduateCourses;
    private int graduateStudents;
    private int publications;

    Department(int u, int d) {
      this.u = u;
      this.d = d;
      this.iri = Univ.department(u, d);
    }

    void generate() throws IOException {
      type(iri, "Department");
      literal(iri, "name", "Department" + d);
      iri(iri, term("subOrganizationOf"), Univ.university(u));
      researchGroups();
      professors[0] = between(7, 10);
      professors[1] = between(10, 14);
      professors[2] = between(8, 11);
      lecturers = between(5, 7);
      for (int kind = 0; kind < PROFESSOR_KINDS.length; kind++) {
        for (int i = 0; i < professors[kind]; i++) {
          faculty(PROFESSOR_KINDS[kind], i, true);
        }
      }
      for (int i = 0; i < lecturers; i++) {
        faculty("Lecturer", i, false);
      }
      iri(member("FullProfessor", 0), term("headOf"), iri);
      int faculty = professors[0] + professors[1] + professors[2] + lecturers;
      int undergraduates = faculty * between(8, 14);
      for (int i = 0; i < undergraduates; i++) {
        undergraduate(i);
      }
      graduateStudents = faculty * between(3, 4);
      for (int i = 0; i < graduateStudents; i++) {
        graduate(i);
      }
      publications();
    }

    private void researchGroups() throws IOException {
      int groups = between(3, 5);
      for (int i = 0; i < groups; i++) {
        String group = member("ResearchGroup", i);
        type(group, "ResearchGroup");
        iri(group, term("subOrganizationOf"), iri);
      }
    }

    /** Professors teach undergraduate and graduate courses; lecturers undergraduate ones only. */
    private void faculty(String kind, int i, boolean professor) throws IOException {
      String person = member(kind, i);
      person(person, kind, kind + i);
      iri(person, term("worksFor"), iri);
      literal(person, "researchInterest", "Research" + random.nextInt(30));
      iri(person, term("undergraduateDegreeFrom"), randomUniversity());
      iri(person, term("mastersDegreeFrom"), randomUniversity());
      iri(person, term("doctoralDegreeFrom"), randomUniversity());
      for (int c = between(1, 2); c > 0; c--) {
        course(person, "Course", courses++);
      }
      if (professor) {
        for (int c = between(1, 2); c > 0; c--) {
          course(person, "GraduateCourse", graduateCourses++);
        }
      }
    }

    private void course(String teacher, String kind, int index) throws IOException {
      String course = member(kind, index);
      type(course, kind);
      literal(course, "name", kind + index);
      iri(teacher, term("teacherOf"), course);
    }

    private void undergraduate(int i) throws IOException {
      String student = member("UndergraduateStudent", i);
      person(student, "UndergraduateStudent", "UndergraduateStudent" + i);
      iri(student, term("memberOf"), iri);
      takesCourses(student, "Course", courses, 2, 4);
      if (random.nextInt(5) == 0) {
        iri(student, term("advisor"), randomProfessor());
      }
    }

    private void graduate(int i) throws IOException {
      String student = member("GraduateStudent", i);
      person(student, "GraduateStudent", "GraduateStudent" + i);
      iri(student, term("memberOf"), iri);
      iri(student, term("undergraduateDegreeFrom"), randomUniversity());
      takesCourses(student, "GraduateCourse", graduateCourses, 1, 3);
      iri(student, term("advisor"), randomProfessor());
      if (random.nextInt(4) == 0) {
        iri(student, term("teachingAssistantOf"), member("Course", random.nextInt(courses)));
      }
    }

    /** Distinct courses: consecutive indexes from a random start, so none is taken twice. */
    private void takesCourses(String student, String kind, int available, int min, int max) throws IOException {
      int count = Math.min(available, between(min, max));
      int first = random.nextInt(available);
      for (int c = 0; c < count; c++) {
        iri(student, term("takesCourse"), member(kind, (first + c) % available));
      }
    }

    /** Full professors write most, lecturers least (some none, which a NOT EXISTS query finds). */
    private void publications() throws IOException {
      int[][] perKind = {{4, 7}, {3, 5}, {2, 4}};
      for (int kind = 0; kind < PROFESSOR_KINDS.length; kind++) {
        for (int i = 0; i < professors[kind]; i++) {
          for (int p = between(perKind[kind][0], perKind[kind][1]); p > 0; p--) {
            publication(member(PROFESSOR_KINDS[kind], i));
          }
        }
      }
      for (int i = 0; i < lecturers; i++) {
        for (int p = between(0, 2); p > 0; p--) {
          publication(member("Lecturer", i));
        }
      }
    }

    private void publication(String author) throws IOException {
      String publication = member("Publication", publications);
      type(publication, "Publication");
      literal(publication, "name", "Publication" + publications);
      iri(publication, term("publicationAuthor"), author);
      if (graduateStudents > 0 && random.nextInt(3) == 0) {
        iri(publication, term("publicationAuthor"), member("GraduateStudent", random.nextInt(graduateStudents)));
      }
      line("<" + publication + "> <" + term("publicationYear") + "> \"" + between(2000, 2024)
          + "\"^^<" + Univ.XSD_INTEGER + "> .");
      publications++;
    }

    private void person(String person, String kind, String name) throws IOException {
      type(person, kind);
      literal(person, "name", name);
      literal(person, "emailAddress", name + "@Department" + d + ".University" + u + ".edu");
      literal(person, "telephone", between(100, 999) + "-" + between(100, 999) + "-" + between(1000, 9999));
    }

    private String randomProfessor() {
      int kind = random.nextInt(PROFESSOR_KINDS.length);
      return member(PROFESSOR_KINDS[kind], random.nextInt(professors[kind]));
    }

    private String member(String kind, int index) {
      return inDepartment(u, d, kind + index);
    }
  }

  private String randomUniversity() {
    return Univ.university(random.nextInt(universities));
  }

  private int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  private void type(String subject, String localClass) throws IOException {
    iri(subject, Univ.RDF_TYPE, term(localClass));
  }

  private void iri(String subject, String predicate, String object) throws IOException {
    line("<" + subject + "> <" + predicate + "> <" + object + "> .");
  }

  /** Generated lexical forms hold no quote, backslash or line break, so need no escaping. */
  private void literal(String subject, String localPredicate, String lexical) throws IOException {
    line("<" + subject + "> <" + term(localPredicate) + "> \"" + lexical + "\" .");
  }

  private void line(String line) throws IOException {
    out.write(line);
    out.write('\n');
    triples++;
  }
}
