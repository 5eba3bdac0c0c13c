import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Partnership CRM')
    .setDescription(
      'Event-sourced CRM for partnerships between Dutch schools and companies, municipalities and networks. ' +
        'Every command records events; answers carry { id, revision, position }.',
    )
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs/json' });
}
