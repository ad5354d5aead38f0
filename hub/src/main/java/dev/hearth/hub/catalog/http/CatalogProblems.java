package dev.hearth.hub.catalog.http;

import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.ProblemType;
import dev.hearth.hub.catalog.CatalogException;
import java.util.EnumMap;
import java.util.Map;

/** The catalog's refusals as the API's problem documents: one table, used at the edge only. */
public final class CatalogProblems {

  private static final Map<CatalogException.Kind, ProblemType> TYPES =
      new EnumMap<>(CatalogException.Kind.class);

  static {
    TYPES.put(CatalogException.Kind.NOT_FOUND, ProblemType.NOT_FOUND);
    TYPES.put(CatalogException.Kind.FORBIDDEN, ProblemType.FORBIDDEN);
    TYPES.put(CatalogException.Kind.INVALID, ProblemType.BAD_REQUEST);
    TYPES.put(CatalogException.Kind.UNKNOWN_PROFILE, ProblemType.UNKNOWN_PROFILE);
    TYPES.put(CatalogException.Kind.INVALID_REVISION, ProblemType.INVALID_REVISION);
    TYPES.put(CatalogException.Kind.BAD_SIGNATURE, ProblemType.BAD_SIGNATURE);
    TYPES.put(CatalogException.Kind.UNKNOWN_KEY, ProblemType.UNKNOWN_KEY);
    TYPES.put(CatalogException.Kind.ARTIFACT_MISMATCH, ProblemType.ARTIFACT_MISMATCH);
    TYPES.put(CatalogException.Kind.TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE);
    TYPES.put(CatalogException.Kind.CONFLICT, ProblemType.CONFLICT);
    TYPES.put(CatalogException.Kind.UPLOAD_OFFSET, ProblemType.UPLOAD_OFFSET_MISMATCH);
    TYPES.put(CatalogException.Kind.QUORUM_NOT_MET, ProblemType.QUORUM_NOT_MET);
    TYPES.put(CatalogException.Kind.BROKEN_ROOT_CHAIN, ProblemType.BROKEN_ROOT_CHAIN);
    TYPES.put(CatalogException.Kind.RANGE_NOT_SATISFIABLE, ProblemType.RANGE_NOT_SATISFIABLE);
    TYPES.put(CatalogException.Kind.UNAVAILABLE, ProblemType.UNAVAILABLE);
  }

  private CatalogProblems() {}

  /** {@code failure} as the API reports it: catalog refusals mapped, anything else unchanged. */
  public static Throwable toApi(Throwable failure) {
    if (!(failure instanceof CatalogException refusal)) {
      return failure;
    }
    return new ApiException(
        TYPES.get(refusal.kind()),
        refusal.detail(),
        refusal.issues().stream()
            .map(i -> new ApiException.FieldError(i.where(), i.detail()))
            .toList(),
        refusal.headers());
  }
}
