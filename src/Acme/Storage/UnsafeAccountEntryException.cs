namespace ConfigLang.Acme.Storage;

/// <summary>
/// A user or group name, or a passwd field, that would not stay one field of one line of the
/// account files under <c>--root</c> (see <see cref="AccountFileFields"/>). Nothing is written;
/// the run stops (exit 3). An I/O error like <see cref="UnsafePathException"/>, so callers that
/// stop on those stop on this too.
/// </summary>
public sealed class UnsafeAccountEntryException(string message) : IOException(message);
