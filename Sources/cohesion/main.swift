import CohesionApp

await Entrypoint.run()
