namespace ConfigLang.Host;

/// <summary>The diagnostic codes of <c>configlang lint</c> (the <c>CL3xxx</c> range: certificate configuration).</summary>
public static class LintCodes
{
    /// <summary>A failing entry of the configuration's <c>assertions</c>.</summary>
    public const string FailedAssertion = "CL3001";

    /// <summary>An entry of the configuration's <c>warnings</c>.</summary>
    public const string ConfigurationWarning = "CL3002";

    /// <summary>A service account named in <c>configlang.certConsumers</c> cannot read the certificate's key.</summary>
    public const string KeyNotReadable = "CL3003";

    /// <summary><c>useACMEHost</c> names a certificate that no module configures.</summary>
    public const string UnknownAcmeHost = "CL3004";

    /// <summary>A wildcard domain without DNS-01: the planner's rule (<see cref="Acme.Planning.PlanIssueCodes.WildcardNeedsDns"/>),
    /// which lint reports at the certificate's domain. CL3005 is no longer used.</summary>
    public const string WildcardWithoutDns01 = Acme.Planning.PlanIssueCodes.WildcardNeedsDns;

    /// <summary>Credentials (<c>environmentFile</c>, <c>credentialFiles</c>) in the world-readable store.</summary>
    public const string CredentialsInStore = "CL3006";

    // ---- Certificate names (CL3007–CL3012).

    /// <summary>A name a service answers to with a certificate is not among the certificate's names.</summary>
    public const string NameNotCovered = "CL3007";

    /// <summary>A certificate's <c>domain</c> or <c>extraDomainNames</c> entry is not a valid DNS name.</summary>
    public const string InvalidDomainName = "CL3008";

    /// <summary>One name ordered both from Let's Encrypt staging and from production.</summary>
    public const string StagingMixedWithProduction = "CL3009";

    /// <summary>More names on one certificate than Let's Encrypt allows (100).</summary>
    public const string TooManyNamesOnCertificate = "CL3010";

    /// <summary>More certificates for one registered domain than Let's Encrypt issues per week (50).</summary>
    public const string TooManyCertificatesPerDomain = "CL3011";

    /// <summary>Several certificates for the same set of names (Let's Encrypt: 5 duplicates per week).</summary>
    public const string DuplicateCertificate = "CL3012";

    // ---- end of certificate names.

    // ---- Reachability of secrets and challenges (CL3013-CL3016) ----

    /// <summary>A credentials file (<c>environmentFile</c>, <c>credentialFiles</c>, <c>eab.hmacFile</c>) that exists and other users can read.</summary>
    public const string CredentialsReadableByOthers = "CL3013";

    /// <summary>Certificates validated over HTTP-01 on port 80 while the firewall keeps port 80 closed.</summary>
    public const string Http01PortClosed = "CL3014";

    /// <summary>A <c>webroot</c> that no enabled web server serves at <c>/.well-known/acme-challenge/</c>.</summary>
    public const string WebrootNotServed = "CL3015";

    /// <summary>Certificates validated over TLS-ALPN-01 on port 443 (<c>listenTLS</c>) while the firewall keeps port 443 closed.</summary>
    public const string TlsAlpn01PortClosed = "CL3016";

    /// <summary>A DNS provider's required variables are missing from its readable environment and credential files.</summary>
    public const string DnsCredentialsMissing = "CL3017";

    /// <summary>A credentials file the configuration names does not exist on the host that preview, rebuild or renew look at (lint, run without the secrets, does not report it).</summary>
    public const string CredentialFileMissing = "CL3024";

    /// <summary>A readable environment or credential file sets a DNS provider's numeric variable (TTL, timeout, retries) to a value the provider refuses.</summary>
    public const string DnsVariableRefused = "CL3025";

    // ---- Clusters and fleets (CL3018-CL3023) ----

    /// <summary><c>security.acme.cluster.encryptionKeyFile</c> or <c>keyFile</c> exists and users other than root can read it.</summary>
    public const string ClusterSecretReadable = "CL3018";

    /// <summary><c>security.acme.cluster.encryptionKeyFile</c> exists but does not hold the base64 of a 32-byte key.</summary>
    public const string ClusterEncryptionKeyMalformed = "CL3019";

    /// <summary>A certificate shared through the cluster is validated over HTTP-01 or TLS-ALPN-01, which another member behind the same name cannot answer.</summary>
    public const string ChallengeInPool = "CL3020";

    /// <summary>Several hosts of one lint run order the same set of names separately (Let's Encrypt: 5 duplicates per week).</summary>
    public const string DuplicateCertificateAcrossHosts = "CL3021";

    /// <summary>The hosts of one lint run order more certificates for one registered domain than Let's Encrypt issues per week (50).</summary>
    public const string TooManyCertificatesPerDomainAcrossHosts = "CL3022";

    /// <summary>Hosts of one lint run validate the same name with different challenges (types or DNS providers).</summary>
    public const string ConflictingChallengesAcrossHosts = "CL3023";

    /// <summary>A configuration file named on the command line does not exist.</summary>
    public const string MissingFile = "CL9003";
}
