// The umbrella module: `import Signet` brings every part of the toolkit.
@_exported import COSSigning
@_exported import SigV4
@_exported import SignetCrypto
@_exported import SignetDiagnosis
@_exported import SignetHTTP
@_exported import SignetSkew
@_exported import SignetVectors
