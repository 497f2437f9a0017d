# The check of the LoadMaster's TLS certificate, compiled: .NET checks certificates on a thread where
# a PowerShell script block cannot run. Three ways: the system's trust store (no check of ours: .NET
# verifies the chain and the host name); -CaCertificate, where the chain must end at a certificate of
# that file and the host name must match; or -SkipCertificateCheck. Problem says why a certificate
# was refused. LM_CUSTOM_ROOT is defined on PowerShell 7 (.NET's own custom trust store).
$LmTlsSource = @'
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
public static class LmTls {
  public static bool Skip;
  public static X509Certificate2Collection Roots;
  public static string Problem;
  public static RemoteCertificateValidationCallback Callback() {
    return new RemoteCertificateValidationCallback(Check);
  }
  public static bool Check(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) {
    Problem = null;
    if (Skip) return true;
    if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None || certificate == null) {
      Problem = errors.ToString();
      return false;
    }
    X509Certificate2 leaf = new X509Certificate2(certificate);
    X509Chain own = new X509Chain();
    own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
#if LM_CUSTOM_ROOT
    own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
    own.ChainPolicy.CustomTrustStore.AddRange(Roots);
    if (chain != null) foreach (X509ChainElement e in chain.ChainElements) own.ChainPolicy.ExtraStore.Add(e.Certificate);
    if (own.Build(leaf)) return true;
    foreach (X509ChainStatus s in own.ChainStatus) Problem = (Problem == null ? "" : Problem + ", ") + s.Status;
    return false;
#else
    own.ChainPolicy.ExtraStore.AddRange(Roots);
    own.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
    own.Build(leaf);
    foreach (X509ChainStatus s in own.ChainStatus) {
      if (s.Status != X509ChainStatusFlags.NoError && s.Status != X509ChainStatusFlags.UntrustedRoot) {
        Problem = s.Status.ToString();
        return false;
      }
    }
    string top = own.ChainElements[own.ChainElements.Count - 1].Certificate.Thumbprint;
    foreach (X509Certificate2 root in Roots) if (root.Thumbprint == top) return true;
    Problem = "the chain does not end at a certificate of -CaCertificate";
    return false;
#endif
  }
}
'@
$script:Core = $PSVersionTable.PSEdition -eq 'Core'
if ($SkipCertificateCheck -or $CaCertificate) {
  if (-not ('LmTls' -as [type])) {
    Add-Type -TypeDefinition ($(if ($script:Core) { "#define LM_CUSTOM_ROOT`n" } else { '' }) + $LmTlsSource)
  }
  [LmTls]::Skip = [bool]$SkipCertificateCheck
  if ($CaCertificate) {
    $roots = [System.Security.Cryptography.X509Certificates.X509Certificate2Collection]::new()
    $path = (Resolve-Path -LiteralPath $CaCertificate).ProviderPath
    if ($script:Core -and (Get-Content -LiteralPath $path -Raw) -match '-----BEGIN') { $roots.ImportFromPemFile($path) } else { $roots.Import($path) }
    if ($roots.Count -eq 0) { Stop-LmUsage "-CaCertificate $CaCertificate holds no certificate" }
    [LmTls]::Roots = $roots
  }
}
