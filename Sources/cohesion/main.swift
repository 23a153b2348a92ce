import CohesionApp

try await Entrypoint.run()
