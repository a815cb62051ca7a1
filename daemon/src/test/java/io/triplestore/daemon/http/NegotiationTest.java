package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Content negotiation by the rules of RFC 9110: specificity first, then quality, then our order. */
class NegotiationTest {

  static final List<String> OFFERS = List.of("application/sparql-results+json", "text/csv", "text/tab-separated-values");

  @Test
  void noAcceptGetsTheFirstOffer() {
    assertThat(Negotiation.choose(null, OFFERS)).contains("application/sparql-results+json");
    assertThat(Negotiation.choose(" ", OFFERS)).contains("application/sparql-results+json");
  }

  @Test
  void theHighestQualityWinsAndTiesGoToTheServersOrder() {
    assertThat(Negotiation.choose("text/csv;q=0.4, text/tab-separated-values;q=0.5", OFFERS))
        .contains("text/tab-separated-values");
    assertThat(Negotiation.choose("text/*", OFFERS)).contains("text/csv");
    assertThat(Negotiation.choose("*/*", OFFERS)).contains("application/sparql-results+json");
  }

  @Test
  void theMostSpecificRangeSetsAnOffersQuality() {
    // text/csv is excluded by its own range although text/* and */* would take it.
    assertThat(Negotiation.choose("text/*;q=0.9, text/csv;q=0, */*;q=0.1", OFFERS))
        .contains("text/tab-separated-values");
    assertThat(Negotiation.choose("*/*;q=0.1, application/sparql-results+json;q=0", OFFERS)).contains("text/csv");
  }

  @Test
  void nothingAcceptableIsEmpty() {
    assertThat(Negotiation.choose("image/png", OFFERS)).isEmpty();
    assertThat(Negotiation.choose("*/*;q=0", OFFERS)).isEmpty();
  }

  @Test
  void parametersOtherThanQAndCaseAreIgnored() {
    assertThat(Negotiation.choose("TEXT/CSV; charset=utf-8; q=1.0", OFFERS)).contains("text/csv");
  }

  @Test
  void malformedHeadersAre400NamingTheProblem() {
    assertThatThrownBy(() -> Negotiation.choose("text/csv;q=1.5", OFFERS)).isInstanceOf(ApiException.class)
        .hasMessageContaining("q=1.5");
    assertThatThrownBy(() -> Negotiation.choose("csv", OFFERS)).isInstanceOf(ApiException.class)
        .hasMessageContaining("'csv' is not a media range");
    assertThatThrownBy(() -> Negotiation.choose("*/csv", OFFERS)).isInstanceOf(ApiException.class)
        .hasMessageContaining("'*/csv' is not a media range");
  }
}
